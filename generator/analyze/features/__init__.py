"""Features every analysis step shares: tokens, documents, tf-idf and LSA vectors,
phrases, word families and the display forms of terms."""
