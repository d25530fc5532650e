"""Writes Tests/Fixtures/malformed/claims_2GB.bars: a bar file header (layout in
Sources/BourseData/BarFile/BarFileHeader.swift) whose own checksum is valid but which
claims 2 GiB of rows while the file holds none. Needs `pip install xxhash`."""
import struct
import sys
import xxhash

bar_type = b"EUR/USD.SIM-1-MINUTE-LAST"
rows = (2**31) // 48 + 1  # 44,739,243 rows × 48 bytes > 2 GiB
length = 64 + (len(bar_type) + 7) // 8 * 8
head = b"BOURSEBF" + struct.pack("<HBBIQQII qq", 1, 5, 0, length, rows, 0, len(bar_type), 0, 0, 0)
assert len(head) == 56
head += struct.pack("<Q", xxhash.xxh64_intdigest(head))
out = head + bar_type + b"\0" * (length - 64 - len(bar_type))
path = sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/malformed/claims_2GB.bars"
open(path, "wb").write(out)
