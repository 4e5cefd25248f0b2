extension RFC5322Date {
    /// Earliest and latest instants with a four-digit year (0000–9999).
    static let formattableRange: ClosedRange<Int64> = -62_167_219_200...253_402_300_799

    /// Formats an instant as `Sun, 29 Nov 2026 09:41:18 +0000` (RFC 5322
    /// §3.3) in the given zone. The offset is clamped to ±99:59 and the
    /// local time to the years 0000–9999.
    public static func format(secondsSince1970: Int64, zoneOffsetMinutes: Int) -> String {
        let offset = min(max(zoneOffsetMinutes, -5_999), 5_999)
        let instant = clamped(secondsSince1970)
        let local = clamped(instant + Int64(offset) * 60)
        let days = (local >= 0 ? local : local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let date = RFC5322CivilCalendar.date(days: days)
        let zoneSign = offset < 0 ? "-" : "+"
        return dayNames[RFC5322CivilCalendar.weekday(days: days)] + ", "
            + padded(date.day, 2) + " " + monthNames[Int(date.month) - 1] + " "
            + padded(date.year, 4) + " " + padded(secondOfDay / 3_600, 2) + ":"
            + padded(secondOfDay / 60 % 60, 2) + ":" + padded(secondOfDay % 60, 2) + " "
            + zoneSign + padded(Int64(abs(offset) / 60), 2) + padded(Int64(abs(offset) % 60), 2)
    }

    private static func clamped(_ value: Int64) -> Int64 {
        min(max(value, formattableRange.lowerBound), formattableRange.upperBound)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
