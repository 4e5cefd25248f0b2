import MailCore

/// A date-time of APPEND and INTERNALDATE (RFC 9051 §9, date-time):
/// `"17-Jul-1996 02:44:25 -0700"`, an instant plus the zone it was
/// written in.
public struct IMAPDateTime: Hashable, Sendable, CustomStringConvertible {
    public var secondsSince1970: Int64
    /// Minutes east of UTC.
    public var zoneOffsetMinutes: Int

    public init(secondsSince1970: Int64, zoneOffsetMinutes: Int = 0) {
        self.secondsSince1970 = secondsSince1970
        self.zoneOffsetMinutes = zoneOffsetMinutes
    }

    /// Parses the content of the quoted date-time: date-day-fixed (space or
    /// digit, then digit), month, four-digit year, `hh:mm:ss`, `±hhmm`.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 26, bytes[2] == UInt8(ascii: "-"), bytes[6] == UInt8(ascii: "-"),
              bytes[11] == IMAPCharacterClass.space, bytes[14] == UInt8(ascii: ":"), bytes[17] == UInt8(ascii: ":"),
              bytes[20] == IMAPCharacterClass.space, bytes[21] == UInt8(ascii: "+") || bytes[21] == UInt8(ascii: "-"),
              bytes[0] == IMAPCharacterClass.space || IMAPCharacterClass.isDigit(bytes[0]),
              [1, 7, 8, 9, 10, 12, 13, 15, 16, 18, 19, 22, 23, 24, 25].allSatisfy({ IMAPCharacterClass.isDigit(bytes[$0]) }),
              IMAPDate.month(String(decoding: bytes[3..<6], as: UTF8.self)) != nil
        else { return nil }
        let zoneMinutes = Int(String(decoding: bytes[24..<26], as: UTF8.self)) ?? 60
        guard zoneMinutes < 60 else { return nil }
        let day = String(decoding: bytes[0..<2].filter { $0 != IMAPCharacterClass.space }, as: UTF8.self)
        let month = String(decoding: bytes[3..<6], as: UTF8.self)
        let yearTimeAndZone = String(decoding: bytes[7...], as: UTF8.self)
        guard let parsed = RFC5322Date.parse("\(day) \(month) \(yearTimeAndZone)") else { return nil }
        self.init(secondsSince1970: parsed.secondsSince1970, zoneOffsetMinutes: parsed.zoneOffsetMinutes)
    }

    /// `17-Jul-1996 02:44:25 -0700`, without the quotes.
    public var description: String {
        let formatted = RFC5322Date.format(secondsSince1970: secondsSince1970, zoneOffsetMinutes: zoneOffsetMinutes)
        let fields = formatted.split(separator: " ")
        return "\(fields[1])-\(fields[2])-\(fields[3]) \(fields[4]) \(fields[5])"
    }
}
