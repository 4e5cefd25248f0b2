/// Counts commands per verb, succeeded and issued, for Postfix's
/// `disconnect from ... ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4` line.
public struct SMTPCommandStatistics: Sendable, Equatable {
    private var order: [String] = []
    private var counts: [String: (ok: Int, total: Int)] = [:]

    public init() {}

    public mutating func record(_ verb: String, ok: Bool) {
        if counts[verb] == nil { order.append(verb) }
        var c = counts[verb] ?? (0, 0)
        c.total += 1
        if ok { c.ok += 1 }
        counts[verb] = c
    }

    public static func == (a: Self, b: Self) -> Bool { a.summary == b.summary }

    /// `ehlo=1 mail=1 rcpt=0/1 data=1 quit=1 commands=4/5`: a verb shows `ok/total`
    /// only when some of its commands failed, as Postfix does.
    public var summary: String {
        var parts: [String] = []
        var ok = 0
        var total = 0
        for verb in order {
            guard let c = counts[verb] else { continue }
            ok += c.ok
            total += c.total
            parts.append(c.ok == c.total ? "\(verb)=\(c.total)" : "\(verb)=\(c.ok)/\(c.total)")
        }
        parts.append(ok == total ? "commands=\(total)" : "commands=\(ok)/\(total)")
        return parts.joined(separator: " ")
    }
}
