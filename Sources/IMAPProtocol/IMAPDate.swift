import MailCore

/// A calendar date of SEARCH (RFC 9051 §6.4.4: BEFORE, ON, SINCE,
/// SENTBEFORE, SENTON, SENTSINCE), written `1-Feb-1994` (date-text).
public struct IMAPDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01.
    public let daysSince1970: Int64

    /// Nil unless the day exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
              let parsed = RFC5322Date.parse("\(day) \(Self.monthNames[month - 1]) \(Self.fourDigits(year)) 00:00:00 +0000")
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        daysSince1970 = parsed.secondsSince1970 / 86_400
    }

    /// Parses date-text: 1 or 2 digit day, `-`, month name (any case), `-`,
    /// four-digit year.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), parts[2].count == 4,
              parts[0].utf8.allSatisfy(IMAPCharacterClass.isDigit), parts[2].utf8.allSatisfy(IMAPCharacterClass.isDigit),
              let month = Self.month(parts[1]), let day = Int(parts[0]), let year = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        "\(day)-\(Self.monthNames[month - 1])-\(year)"
    }

    public static func < (lhs: IMAPDate, rhs: IMAPDate) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    private static func fourDigits(_ year: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 1 to 12 for a three-letter month name in any case.
    static func month(_ name: some StringProtocol) -> Int? {
        monthNames.firstIndex { $0.lowercased() == name.lowercased() }.map { $0 + 1 }
    }
}
