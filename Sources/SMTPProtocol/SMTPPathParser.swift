import MailCore

/// Parses RFC 5321 §4.1.2 `Reverse-path` / `Forward-path` arguments of MAIL and RCPT.
///
/// Accepts the forms real clients send: `<a@b>`, a space after the colon,
/// a source route `<@x,@y:a@b>` (ignored, §C), quoted local parts, address literals,
/// and, like Postfix, a bare `a@b` without angle brackets. UTF-8 is accepted in the
/// local part and domain; the session decides whether SMTPUTF8 allows it.
public enum SMTPPathParser {
    /// RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the brackets.
    public static let maximumPathLength = 256

    public enum Failure: Error, Equatable {
        case syntax(String)
        case tooLong
    }

    /// Parses a path at the start of `bytes`; returns the address (nil for `<>`)
    /// and the index where parameters begin.
    public static func parse(_ bytes: ArraySlice<UInt8>, allowNull: Bool) throws(Failure) -> (EmailAddress?, Int) {
        var i = bytes.startIndex
        while i < bytes.endIndex, bytes[i] == UInt8(ascii: " ") { i += 1 }
        guard i < bytes.endIndex else { throw .syntax("missing address") }
        let start = i
        let inner: ArraySlice<UInt8>
        if bytes[i] == UInt8(ascii: "<") {
            guard let close = closingBracket(bytes, from: i + 1) else { throw .syntax("missing '>'") }
            inner = bytes[(i + 1)..<close]
            i = close + 1
        } else {
            while i < bytes.endIndex, bytes[i] != UInt8(ascii: " ") { i += 1 }
            inner = bytes[start..<i]
        }
        if i - start > maximumPathLength { throw .tooLong }
        if i < bytes.endIndex, bytes[i] != UInt8(ascii: " ") { throw .syntax("garbage after address") }
        if inner.isEmpty {
            guard allowNull else { throw .syntax("empty address") }
            return (nil, i)
        }
        return (try mailbox(withoutSourceRoute(inner)), i)
    }

    /// Parses `Local-part "@" ( Domain / address-literal )`, or a bare `postmaster`.
    public static func mailbox(_ bytes: ArraySlice<UInt8>) throws(Failure) -> EmailAddress {
        guard let at = lastAtOutsideQuotes(bytes) else {
            let local = try localPart(bytes)
            guard local.lowercased() == "postmaster" else { throw .syntax("missing domain") }
            return EmailAddress(localPart: local, domain: "")
        }
        let local = try localPart(bytes[bytes.startIndex..<at])
        let domain = bytes[(at + 1)...]
        try validateDomain(domain)
        return EmailAddress(localPart: local, domain: String(decoding: domain, as: UTF8.self))
    }

    static func closingBracket(_ bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        var i = from
        var quoted = false
        while i < bytes.endIndex {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { quoted = false }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    static func withoutSourceRoute(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard bytes.first == UInt8(ascii: "@"), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return bytes }
        return bytes[(colon + 1)...]
    }

    static func lastAtOutsideQuotes(_ bytes: ArraySlice<UInt8>) -> Int? {
        var quoted = false
        var found: Int?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\\") { i += 1 } else if b == UInt8(ascii: "\"") { quoted = false }
            } else if b == UInt8(ascii: "\"") {
                quoted = true
            } else if b == UInt8(ascii: "@") {
                found = i
            }
            i += 1
        }
        return found
    }

    static func localPart(_ bytes: ArraySlice<UInt8>) throws(Failure) -> String {
        guard !bytes.isEmpty else { throw .syntax("empty local part") }
        if bytes.first == UInt8(ascii: "\"") {
            return try quotedString(bytes)
        }
        var previousDot = true
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if previousDot { throw .syntax("bad dot in local part") }
                previousDot = true
            } else if SMTPCharacterClass.isAtext(b) || b >= 0x80 {
                previousDot = false
            } else {
                throw .syntax("bad character in local part")
            }
        }
        if previousDot { throw .syntax("local part ends with a dot") }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw .syntax("invalid UTF-8") }
        return s
    }

    static func quotedString(_ bytes: ArraySlice<UInt8>) throws(Failure) -> String {
        var out: [UInt8] = []
        var i = bytes.startIndex + 1
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                guard i == bytes.endIndex - 1 else { throw .syntax("garbage after quoted local part") }
                guard let s = String(validating: out, as: UTF8.self) else { throw .syntax("invalid UTF-8") }
                return s
            }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.endIndex, (32...126).contains(bytes[i]) else { throw .syntax("bad quoted pair") }
                out.append(bytes[i])
            } else if SMTPCharacterClass.isQtextSMTP(b) || b >= 0x80 {
                out.append(b)
            } else {
                throw .syntax("bad character in quoted local part")
            }
            i += 1
        }
        throw .syntax("unterminated quoted local part")
    }

    static func validateDomain(_ bytes: ArraySlice<UInt8>) throws(Failure) {
        guard !bytes.isEmpty else { throw .syntax("empty domain") }
        if bytes.first == UInt8(ascii: "[") {
            guard bytes.last == UInt8(ascii: "]"), bytes.count > 2 else { throw .syntax("bad address literal") }
            for b in bytes.dropFirst().dropLast() where !(33...126).contains(b) || b == UInt8(ascii: "[") || b == UInt8(ascii: "\\") {
                throw .syntax("bad address literal")
            }
            return
        }
        var labelLength = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if labelLength == 0 { throw .syntax("empty domain label") }
                labelLength = 0
            } else if SMTPCharacterClass.isLetDig(b) || b == UInt8(ascii: "-") || b >= 0x80 {
                labelLength += 1
                if labelLength > 63 { throw .syntax("domain label too long") }
            } else {
                throw .syntax("bad character in domain")
            }
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .syntax("invalid UTF-8") }
    }
}
