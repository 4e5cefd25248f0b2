extension RFC5322Date {
    /// Offsets of the obsolete named zones of RFC 5322 §4.3, in minutes.
    private static let namedZones: [String: Int] = [
        "ut": 0, "gmt": 0, "utc": 0, "z": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    /// The zone offset in minutes from a `+hhmm`/`-hhmm` or named zone; a
    /// missing zone, military zone or unknown name is -0000 (§4.3), i.e. 0.
    static func zoneOffset(_ token: RFC5322Token?) -> Int? {
        guard let token else { return 0 }
        guard token.kind == .atom else { return nil }
        let bytes = Array(token.text.utf8)
        if bytes.allSatisfy(RFC5322ASCII.isAlpha) {
            return namedZones[token.text.lowercased()] ?? 0
        }
        guard bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              bytes[1...].allSatisfy(RFC5322ASCII.isDigit) else { return nil }
        let digits = bytes[1...].map { Int($0 - UInt8(ascii: "0")) }
        let hours = digits[0] * 10 + digits[1]
        let minutes = digits[2] * 10 + digits[3]
        guard minutes < 60 else { return nil }
        return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }
}
