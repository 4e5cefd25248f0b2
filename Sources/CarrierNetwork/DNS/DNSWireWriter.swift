/// Appends DNS wire-format fields (RFC 1035 §4.1), names uncompressed.
struct DNSWireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func writeUInt8(_ value: UInt8) { bytes.append(value) }

    mutating func writeUInt16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func writeUInt32(_ value: UInt32) {
        writeUInt16(UInt16(value >> 16))
        writeUInt16(UInt16(value & 0xFFFF))
    }

    mutating func writeBytes(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    mutating func writeName(_ name: String) throws(DNSError) {
        for label in try DNSName.labels(name) {
            writeUInt8(UInt8(label.count))
            writeBytes(label)
        }
        writeUInt8(0)
    }

    /// Overwrites a big-endian 16-bit value written earlier, for RDLENGTH.
    mutating func patchUInt16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xFF)
    }
}
