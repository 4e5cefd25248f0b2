extension MIMEParameters {
    /// One piece of an RFC 2231 parameter: `name*` (§4), `name*N` (§3) or `name*N*`.
    private struct Section {
        var number: Int
        var value: String
        var isEncoded: Bool
    }

    /// Joins continuations (RFC 2231 §3) in numeric order and decodes
    /// `charset'language'%XX` values (§4, §4.1); the language is dropped. An
    /// extended parameter wins over a plain one of the same name; otherwise
    /// the first of several same-named parameters wins. A value in an
    /// unknown charset is read as UTF-8, or Latin-1 if it is not UTF-8.
    init(combining raw: [MIMEParameter]) {
        var order: [String] = []
        var plain: [String: String] = [:]
        var sections: [String: [Section]] = [:]
        for parameter in raw {
            let split = Self.split(parameter)
            let base = split?.name ?? parameter.name
            if plain[base] == nil && sections[base] == nil { order.append(base) }
            if let split {
                sections[base, default: []].append(split.section)
            } else if plain[base] == nil {
                plain[base] = parameter.value
            }
        }
        self.init(order.map { name in
            MIMEParameter(name: name, value: sections[name].map(Self.decode) ?? plain[name] ?? "")
        })
    }

    /// The base name and section of a `*` parameter; nil for a plain one.
    private static func split(_ parameter: MIMEParameter) -> (name: String, section: Section)? {
        let parts = parameter.name.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, !parts[0].isEmpty else { return nil }
        let name = String(parts[0])
        if parts.count == 2 && parts[1].isEmpty {
            return (name, Section(number: 0, value: parameter.value, isEncoded: true))
        }
        guard (1...4).contains(parts[1].count), parts[1].utf8.allSatisfy(RFC5322ASCII.isDigit),
              let number = Int(parts[1]), parts.count == 2 || parts[2].isEmpty else { return nil }
        return (name, Section(number: number, value: parameter.value, isEncoded: parts.count == 3))
    }

    private static func decode(_ sections: [Section]) -> String {
        var seen = Set<Int>()
        let ordered = sections.enumerated()
            .sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.number).inserted }
        var charset: MIMECharset?
        var bytes: [UInt8] = []
        for (position, section) in ordered.enumerated() {
            guard section.isEncoded else {
                bytes += Array(section.value.utf8)
                continue
            }
            var text = Substring(section.value)
            let quotes = text.indices.filter { text[$0] == "'" }.prefix(2)
            if position == 0 && section.number == 0, quotes.count == 2 {
                charset = MIMECharset(name: text[..<quotes[0]])
                text = text[text.index(after: quotes[1])...]
            }
            bytes += percentDecoded(text.utf8)
        }
        return charset?.decode(bytes) ?? String(headerBytes: bytes)
    }

    /// `%XX` escapes resolved; a `%` without two hex digits stays.
    private static func percentDecoded(_ text: Substring.UTF8View) -> [UInt8] {
        let input = Array(text)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = RFC5322ASCII.hexValue(input[index + 1]), let low = RFC5322ASCII.hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }
}
