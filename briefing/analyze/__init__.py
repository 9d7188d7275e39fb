"""Analysis of one article: segmentation, TextRank keywords and sentences, people, places and figures,
and the engine registry that runs it. Imports only reading and the shared models."""
