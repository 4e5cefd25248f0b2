/// FETCH responses whose large message data is not in memory.
extension IMAPResponseEncoder {
    /// `* n FETCH (...)` CRLF cut where the octets of some literals go, for
    /// a caller that sends those octets itself, piece by piece (message data
    /// read from a stored body as the client takes it). `literalSizes` maps
    /// the index of an item to the size of its literal; each such item is
    /// message data (BODY[...], RFC822, RFC822.HEADER, RFC822.TEXT) given
    /// with empty data. Returns one more piece than there are literals:
    /// the pieces with each literal's octets between two of them are
    /// `encode(.untagged(.fetch(number, items)))` with the data in place.
    public func encodeFetch(_ number: UInt32, _ items: [IMAPFetchItem], literalSizes: [Int: Int]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var current = Array("* \(number) FETCH (".utf8)
        let emptyLiteral = Array("{0}\r\n".utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { current.append(IMAPCharacterClass.space) }
            var octets = self.item(number, item)
            if let size = literalSizes[index] {
                precondition(octets.suffix(emptyLiteral.count).elementsEqual(emptyLiteral), "not message data with empty data: \(item)")
                octets.removeLast(emptyLiteral.count)
                pieces.append(current + octets + Array("{\(size)}\r\n".utf8))
                current = []
            } else {
                current += octets
            }
        }
        pieces.append(current + [IMAPCharacterClass.closeParen, IMAPCharacterClass.cr, IMAPCharacterClass.lf])
        return pieces
    }

    /// One data item as it appears in a FETCH response's list.
    private func item(_ number: UInt32, _ item: IMAPFetchItem) -> [UInt8] {
        var writer = IMAPResponseWriter(utf8: utf8)
        writer.fetch(number, [item])
        let listStart = "\(number) FETCH (".utf8.count
        return Array(writer.bytes[listStart..<(writer.bytes.count - 1)])
    }
}
