"""Reading and writing theories.

``read_``/``write_`` functions do file I/O; ``parse_``/``generate_`` do none.
"""
