from generator.console import run

run()
