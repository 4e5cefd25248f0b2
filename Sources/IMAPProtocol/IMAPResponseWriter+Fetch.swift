/// The FETCH response (RFC 9051 §7.5.2, RFC 3516 §4.2, RFC 7162 §3.1.4.1):
/// message data as literals, structures as parenthesised lists. Numbers and
/// flags are written straight into the buffer: a FETCH of every message's
/// flags is one such response per message.
extension IMAPResponseWriter {
    mutating func fetch(_ number: UInt32, _ items: [IMAPFetchItem]) {
        self.number(number)
        raw(" FETCH (")
        for index in items.indices {
            if index > 0 { space() }
            fetchItem(items[index])
        }
        bytes.append(IMAPCharacterClass.closeParen)
    }

    private mutating func fetchItem(_ item: IMAPFetchItem) {
        switch item {
        case .uid(let uid):
            raw("UID ")
            number(uid)
        case .flags(let flags):
            raw("FLAGS ")
            self.flags(flags)
        case .internalDate(let date): raw("INTERNALDATE \"\(date)\"")
        case .rfc822Size(let size):
            raw("RFC822.SIZE ")
            number(size)
        case .modSeq(let value):
            raw("MODSEQ (")
            number(value)
            bytes.append(IMAPCharacterClass.closeParen)
        case .envelope(let envelope):
            raw("ENVELOPE ")
            self.envelope(envelope)
        case .body(let body):
            raw("BODY ")
            bodyStructure(body, extended: false)
        case .bodyStructure(let body):
            raw("BODYSTRUCTURE ")
            bodyStructure(body, extended: true)
        case .bodySection(let section, let origin, let data):
            raw("BODY[\(section)]")
            messageData(origin: origin, data)
        case .binary(let part, let origin, let data):
            raw("BINARY[\(Self.path(part))]")
            if let origin { raw("<\(origin)>") }
            space()
            guard let data else { return nilValue() }
            if data.contains(0) { literal8(data) } else { literal(data) }
        case .binarySize(let part, let size): raw("BINARY.SIZE[\(Self.path(part))] \(size)")
        case .rfc822(let data):
            raw("RFC822")
            messageData(origin: nil, data)
        case .rfc822Header(let data):
            raw("RFC822.HEADER")
            messageData(origin: nil, data)
        case .rfc822Text(let data):
            raw("RFC822.TEXT")
            messageData(origin: nil, data)
        }
    }

    /// `[<origin>] SP (literal | NIL)`.
    private mutating func messageData(origin: UInt64?, _ data: [UInt8]?) {
        if let origin { raw("<\(origin)>") }
        space()
        guard let data else { return nilValue() }
        literal(data)
    }

    private static func path(_ part: [Int]) -> String {
        part.map(String.init).joined(separator: ".")
    }
}
