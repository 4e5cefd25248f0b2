/// The date-time of a Date or Resent-Date field (RFC 5322 §3.3), as seconds
/// since the Unix epoch plus the writer's zone offset.
///
/// Parsing accepts the obsolete forms of §4.3: two- and three-digit years,
/// named and military zones, comments and white space between any tokens,
/// and also a missing day of week or seconds (both optional in §3.3) and a
/// missing zone (taken as -0000). The day of week is not checked.
public enum RFC5322Date {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// Parses `s`; nil when it is no recognizable date-time.
    public static func parse(_ s: String) -> (secondsSince1970: Int64, zoneOffsetMinutes: Int)? {
        var tokens = RFC5322Tokenizer.tokenize(s).filter { $0.kind != .comment }[...]
        if let first = tokens.first, first.kind == .atom, first.text.utf8.allSatisfy(RFC5322ASCII.isAlpha) {
            tokens.removeFirst()
        }
        if tokens.first?.isSpecial(",") == true { tokens.removeFirst() }
        guard let day = number(tokens.popFirst(), digits: 1...2),
              let month = month(tokens.popFirst()),
              let year = year(tokens.popFirst()),
              let hour = number(tokens.popFirst(), digits: 1...2),
              tokens.popFirst()?.isSpecial(":") == true,
              let minute = number(tokens.popFirst(), digits: 1...2) else { return nil }
        var second: Int64 = 0
        if tokens.first?.isSpecial(":") == true {
            tokens.removeFirst()
            guard let value = number(tokens.popFirst(), digits: 1...2) else { return nil }
            second = value
        }
        guard day >= 1, day <= RFC5322CivilCalendar.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second <= 60,
              let offset = zoneOffset(tokens.first) else { return nil }
        let days = RFC5322CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - Int64(offset) * 60
        return (seconds, offset)
    }

    /// The value of an all-digit atom of an allowed length.
    private static func number(_ token: RFC5322Token?, digits: ClosedRange<Int>) -> Int64? {
        guard let token, token.kind == .atom, digits.contains(token.text.utf8.count),
              token.text.utf8.allSatisfy(RFC5322ASCII.isDigit) else { return nil }
        return Int64(token.text)
    }

    /// 1 to 12 from a month name; longer spellings ("November") are accepted.
    private static func month(_ token: RFC5322Token?) -> Int64? {
        guard let token, token.kind == .atom, token.text.utf8.count >= 3 else { return nil }
        let name = token.text.prefix(3).lowercased()
        return monthNames.firstIndex { $0.lowercased() == name }.map { Int64($0) + 1 }
    }

    /// The full year, widening obsolete two- and three-digit years (§4.3).
    private static func year(_ token: RFC5322Token?) -> Int64? {
        guard let value = number(token, digits: 2...4), let token else { return nil }
        switch token.text.utf8.count {
        case 2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        default: return value
        }
    }
}
