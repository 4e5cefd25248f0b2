/// The classic Unix mailbox format as Postfix's local(8) writes it and mailx,
/// mutt and s-nail read it (the "mboxo" variant, RFC 4155): each message starts
/// with a `From sender  date` line, lines are LF-terminated, body lines that
/// begin with `From ` are quoted as `>From `, and a blank line follows each message.
public enum MboxFormat {
    /// `From alice@example.test  Sun Nov 29 09:41:18 2026` — asctime(3) form in UTC;
    /// the null sender is written as `MAILER-DAEMON`.
    public static func fromLine(sender: String, secondsSince1970: Int64) -> String {
        let who = sender.isEmpty ? "MAILER-DAEMON" : sender.replacingSpaces()
        return "From \(who)  \(asctime(secondsSince1970))"
    }

    /// The bytes to append for one message: the From_ line, the extra header
    /// lines (e.g. `Return-Path:`), the message with CRLF turned into LF and
    /// `From ` lines quoted, and the blank separator line.
    public static func entry(_ message: [UInt8], sender: String, secondsSince1970: Int64, prependedHeaders: [String] = []) -> [UInt8] {
        var out = Array((fromLine(sender: sender, secondsSince1970: secondsSince1970) + "\n").utf8)
        out.reserveCapacity(message.count + 256)
        for line in prependedHeaders { out += Array((line + "\n").utf8) }
        var lineStart = true
        var i = 0
        while i < message.count {
            let b = message[i]
            if lineStart && b == UInt8(ascii: "F") && message[i...].starts(with: fromPrefix) {
                out.append(UInt8(ascii: ">"))
            }
            if b == 13 && i + 1 < message.count && message[i + 1] == 10 {
                i += 1
                continue
            }
            out.append(b)
            lineStart = b == 10
            i += 1
        }
        if !lineStart { out.append(10) }
        out.append(10)
        return out
    }

    static let fromPrefix = Array("From ".utf8)

    /// asctime(3) without the newline: `Sun Nov 29 09:41:18 2026` (UTC).
    public static func asctime(_ t: Int64) -> String {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let seconds = t - days * 86_400
        let (year, month, day) = RFC5322CivilCalendar.date(days: days)
        let weekday = ((days % 7) + 11) % 7
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let dayText = day < 10 ? " \(day)" : "\(day)"
        return "\(names[Int(weekday)]) \(months[Int(month) - 1]) \(dayText) \(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60)) \(year)"
    }
}

extension String {
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " || $0 == "\t" ? "_" : $0 })
    }
}
