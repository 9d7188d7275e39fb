"""The brief of a period: periods, story merging, sections, selection, items, leaders and their deeds,
keywords and the brief's Chinese wording. Imports reading and analysis, never an output."""
