// Search and page behaviour; filled in by the search feature.
