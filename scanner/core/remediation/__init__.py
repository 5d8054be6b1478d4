"""From finding to fix: the lossless split of an address book and the before/after comparison of two scans."""
