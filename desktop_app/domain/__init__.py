"""The ledger's domain: organizations, activities, ratings, 三级联创 and their rules."""
