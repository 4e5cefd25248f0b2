/// Parsers for the scalar parameter kinds; each returns nil for a value of the wrong form.
enum ParameterValueParser {
    /// Digits only: `10240000`. Signs, units and overflow are rejected.
    static func integer(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// `yes` or `no`, in any case.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes": true
        case "no": false
        default: nil
        }
    }

    /// A number with an optional unit: `s` (default), `m`, `h`, `d`, `w`.
    static func duration(_ text: String) -> Duration? {
        let unitSeconds: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        var digits = Substring(text)
        var multiplier = 1
        if let last = text.last, let seconds = unitSeconds[last] {
            digits = digits.dropLast()
            multiplier = seconds
        }
        guard let count = integer(digits) else { return nil }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : .seconds(seconds)
    }
}
