import CarrierStore
import IMAPProtocol
import MailCore

/// Decides whether one message matches a search key (RFC 9051 §6.4.4):
/// strings match as case-insensitive substrings, dates by day, header
/// fields decoded (RFC 2047) before comparing, BODY and TEXT as
/// `IMAPMessageTextSearch` looks.
struct IMAPSearchMatcher {
    let entry: IMAPMessageEntry
    let sequenceNumber: UInt32
    let largestSequence: UInt32
    let largestUID: UInt32
    let content: [UInt8]?
    /// The header fields cached at delivery, which answer SUBJECT, FROM, TO,
    /// CC and their HEADER forms without the message's bytes.
    let metadata: MessageMetadata?
    /// The UIDs of the saved result, which `$` stands for (RFC 5182 §2.1).
    let saved: Set<UInt32>
    private var header: MessageHeader?

    init(entry: IMAPMessageEntry, sequenceNumber: UInt32, largestSequence: UInt32, largestUID: UInt32, content: [UInt8]?,
         metadata: MessageMetadata? = nil, saved: Set<UInt32> = []) {
        self.entry = entry
        self.metadata = metadata
        self.sequenceNumber = sequenceNumber
        self.largestSequence = largestSequence
        self.largestUID = largestUID
        self.content = content
        self.saved = saved
    }

    /// The header fields the delivery-time metadata holds.
    static let cachedFields: Set<String> = ["subject", "from", "to", "cc"]

    /// Whether evaluating the key needs the message's bytes (with `metadata`,
    /// the cached header fields do not).
    static func needsContent(_ key: IMAPSearchKey, metadata: Bool = false) -> Bool {
        switch key {
        case .cc, .from, .subject, .to: !metadata
        case .header(let name, _): !metadata || !cachedFields.contains(name.lowercased())
        case .bcc, .body, .text, .sentBefore, .sentOn, .sentSince: true
        case .not(let inner): needsContent(inner, metadata: metadata)
        case .or(let a, let b): needsContent(a, metadata: metadata) || needsContent(b, metadata: metadata)
        case .and(let keys): keys.contains { needsContent($0, metadata: metadata) }
        default: false
        }
    }

    /// Whether the key reads a header field the metadata holds.
    static func usesMetadata(_ key: IMAPSearchKey) -> Bool {
        switch key {
        case .cc, .from, .subject, .to: true
        case .header(let name, _): cachedFields.contains(name.lowercased())
        case .not(let inner): usesMetadata(inner)
        case .or(let a, let b): usesMetadata(a) || usesMetadata(b)
        case .and(let keys): keys.contains(where: usesMetadata)
        default: false
        }
    }

    mutating func matches(_ key: IMAPSearchKey) -> Bool {
        switch key {
        case .all: return true
        case .answered: return entry.has("\\Answered")
        case .deleted: return entry.has("\\Deleted")
        case .draft: return entry.has("\\Draft")
        case .flagged: return entry.has("\\Flagged")
        case .seen: return entry.has("\\Seen")
        case .unanswered: return !entry.has("\\Answered")
        case .undeleted: return !entry.has("\\Deleted")
        case .undraft: return !entry.has("\\Draft")
        case .unflagged: return !entry.has("\\Flagged")
        case .unseen, .new: return !entry.has("\\Seen")
        case .old: return true
        case .recent: return false
        case .keyword(let name): return entry.flags.contains { $0.lowercased() == name.lowercased() }
        case .unkeyword(let name): return !entry.flags.contains { $0.lowercased() == name.lowercased() }
        case .bcc(let text): return headerContains("bcc", text)
        case .cc(let text): return headerContains("cc", text)
        case .from(let text): return headerContains("from", text)
        case .to(let text): return headerContains("to", text)
        case .subject(let text): return headerContains("subject", text)
        case .header(let name, let text): return headerContains(name, text)
        case .body(let text): return IMAPMessageTextSearch.body(content ?? [], contains: IMAPSearchNeedle(text))
        case .text(let text): return IMAPMessageTextSearch.text(content ?? [], contains: IMAPSearchNeedle(text))
        case .before(let date): return day(entry.internalDate) < date.daysSince1970
        case .on(let date): return day(entry.internalDate) == date.daysSince1970
        case .since(let date): return day(entry.internalDate) >= date.daysSince1970
        case .sentBefore(let date): return sentDay().map { $0 < date.daysSince1970 } ?? false
        case .sentOn(let date): return sentDay().map { $0 == date.daysSince1970 } ?? false
        case .sentSince(let date): return sentDay().map { $0 >= date.daysSince1970 } ?? false
        case .larger(let size): return UInt64(entry.size) > size
        case .smaller(let size): return UInt64(entry.size) < size
        case .uid(let set): return set.resolved(largest: largestUID)?.contains(entry.uid) ?? saved.contains(entry.uid)
        case .sequenceNumbers(let set): return set.resolved(largest: largestSequence)?.contains(sequenceNumber) ?? saved.contains(entry.uid)
        case .not(let inner): return !matches(inner)
        case .or(let a, let b): return matches(a) || matches(b)
        case .and(let keys): return keys.allSatisfy { matches($0) }
        case .modSeq(_, let value): return UInt64(entry.modSeq) >= value
        }
    }

    private func day(_ seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    private mutating func parsedHeader() -> MessageHeader {
        if let header { return header }
        let parsed = MessageHeader.parse(content ?? [])
        header = parsed
        return parsed
    }

    private mutating func headerContains(_ name: String, _ text: String) -> Bool {
        if let metadata, content == nil, Self.cachedFields.contains(name.lowercased()) {
            let value: String? = switch name.lowercased() {
            case "subject": metadata.subject
            case "from": metadata.from
            case "to": metadata.to
            default: metadata.cc
            }
            guard let value else { return false }
            return text.isEmpty || contains(value, text)
        }
        let fields = parsedHeader().fields(named: name)
        if text.isEmpty { return !fields.isEmpty }
        return fields.contains { contains($0.value, text) }
    }

    private mutating func sentDay() -> Int64? {
        parsedHeader()["date"].flatMap { RFC5322Date.parse($0) }.map { day($0.secondsSince1970 + Int64($0.zoneOffsetMinutes) * 60) }
    }

    /// Whether a header field's value, as written or with its encoded
    /// words decoded (only a value with `=?` has any), contains the text.
    private func contains(_ value: String, _ text: String) -> Bool {
        let needle = IMAPSearchNeedle(text)
        return needle.isFound(inText: value) || Self.mayHoldEncodedWord(value) && needle.isFound(inText: EncodedWord.decode(value))
    }

    private static func mayHoldEncodedWord(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }
}
