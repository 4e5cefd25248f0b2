/// The stored form of a skeleton: a version octet, then the parts in
/// document order, each followed by its children:
///
///     part = header-start header-length separator-length body-length lines
///            type subtype parameters encoding
///            id description md5 language location
///            disposition envelope child-count
///
/// Offsets are varints relative to where the parent's body starts (the
/// message's start for the top level), so they stay small; strings are
/// length-prefixed UTF-8, optional ones 0 for absent; a disposition and an
/// envelope are an octet 0 (absent) or 1 followed by their fields.
extension MIMESkeleton {
    /// The version octet of the current form; any other is refused.
    static let formatVersion: UInt8 = 1

    /// The stored form.
    public func encoded() -> [UInt8] {
        var writer = MIMESkeletonWriter()
        writer.byte(Self.formatVersion)
        encode(into: &writer, parentBodyStart: 0)
        return writer.bytes
    }

    /// Decodes a stored form; nil when it is malformed or outside the
    /// bounds `MIMEPart.parse` keeps to (`MailCoreLimits.maxMIMEParts`
    /// parts, `hardMaxMIMEDepth` levels), so a corrupt blob is refused,
    /// never trusted or crashed on. Time and memory are linear in its size.
    public init?(encoded bytes: [UInt8]) {
        var reader = MIMESkeletonReader(bytes)
        var budget = MailCoreLimits.maxMIMEParts
        guard reader.byte() == Self.formatVersion,
              let root = Self.decode(&reader, parentBody: 0..<Self.maxOffset, depth: 0, budget: &budget),
              reader.isAtEnd else { return nil }
        self = root
    }

    /// No offset or size in a stored form reaches this (256 TiB).
    static let maxOffset = 1 << 48

    private func encode(into writer: inout MIMESkeletonWriter, parentBodyStart: Int) {
        writer.integer(headerRange.lowerBound - parentBodyStart)
        writer.integer(headerRange.count)
        writer.integer(bodyRange.lowerBound - headerRange.upperBound)
        writer.integer(bodyRange.count)
        writer.integer(bodyLineCount)
        writer.string(contentType.type)
        writer.string(contentType.subtype)
        Self.encode(contentType.parameters, into: &writer)
        writer.string(contentTransferEncoding)
        for field in [contentID, rawContentDescription, contentMD5, contentLanguage, contentLocation] {
            writer.optionalString(field)
        }
        if let contentDisposition {
            writer.byte(1)
            writer.string(contentDisposition.type)
            Self.encode(contentDisposition.parameters, into: &writer)
        } else {
            writer.byte(0)
        }
        if let envelope {
            writer.byte(1)
            for field in envelope.all { writer.optionalString(field) }
        } else {
            writer.byte(0)
        }
        writer.integer(children.count)
        for child in children { child.encode(into: &writer, parentBodyStart: bodyRange.lowerBound) }
    }

    private static func encode(_ parameters: MIMEParameters, into writer: inout MIMESkeletonWriter) {
        writer.integer(parameters.all.count)
        for parameter in parameters.all {
            writer.string(parameter.name)
            writer.string(parameter.value)
        }
    }

    /// One part and its children; a child must lie within `parentBody`.
    private static func decode(_ reader: inout MIMESkeletonReader, parentBody: Range<Int>, depth: Int, budget: inout Int) -> MIMESkeleton? {
        guard depth <= MailCoreLimits.hardMaxMIMEDepth, budget > 0 else { return nil }
        budget -= 1
        guard let headerOffset = reader.integer(), let headerLength = reader.integer(),
              let separator = reader.integer(), let bodyLength = reader.integer(), let lines = reader.integer() else { return nil }
        let headerStart = parentBody.lowerBound + headerOffset
        let bodyStart = headerStart + headerLength + separator
        let bodyEnd = bodyStart + bodyLength
        guard bodyEnd <= parentBody.upperBound else { return nil }
        guard let type = reader.string(), let subtype = reader.string(), let parameters = decodeParameters(&reader),
              let encoding = reader.string(),
              case let id? = reader.optionalString(), case let description? = reader.optionalString(),
              case let md5? = reader.optionalString(), case let language? = reader.optionalString(),
              case let location? = reader.optionalString(),
              case let disposition? = decodeDisposition(&reader),
              case let envelope? = decodeEnvelope(&reader),
              let childCount = reader.integer(), childCount <= reader.remaining else { return nil }
        var children: [MIMESkeleton] = []
        for _ in 0..<childCount {
            guard let child = decode(&reader, parentBody: bodyStart..<bodyEnd, depth: depth + 1, budget: &budget) else { return nil }
            children.append(child)
        }
        return MIMESkeleton(
            headerRange: headerStart..<(headerStart + headerLength), bodyRange: bodyStart..<bodyEnd, bodyLineCount: lines,
            contentType: MIMEContentType(type: type, subtype: subtype, parameters: parameters),
            contentTransferEncoding: encoding, contentID: id, rawContentDescription: description, contentMD5: md5,
            contentLanguage: language, contentLocation: location, contentDisposition: disposition, envelope: envelope,
            children: children
        )
    }

    private static func decodeParameters(_ reader: inout MIMESkeletonReader) -> MIMEParameters? {
        guard let count = reader.integer(), count <= reader.remaining else { return nil }
        var parameters: [MIMEParameter] = []
        for _ in 0..<count {
            guard let name = reader.string(), let value = reader.string() else { return nil }
            parameters.append(MIMEParameter(name: name, value: value))
        }
        return MIMEParameters(parameters)
    }

    /// Some(nil) when absent, nil when malformed.
    private static func decodeDisposition(_ reader: inout MIMESkeletonReader) -> MIMEContentDisposition?? {
        switch reader.byte() {
        case 0: return .some(nil)
        case 1:
            guard let type = reader.string(), let parameters = decodeParameters(&reader) else { return nil }
            return .some(MIMEContentDisposition(type: type, parameters: parameters))
        default: return nil
        }
    }

    /// Some(nil) when absent, nil when malformed.
    private static func decodeEnvelope(_ reader: inout MIMESkeletonReader) -> MessageEnvelopeFields?? {
        switch reader.byte() {
        case 0: return .some(nil)
        case 1:
            var fields: [String?] = []
            for _ in 0..<10 {
                guard let field = reader.optionalString() else { return nil }
                fields.append(field)
            }
            return MessageEnvelopeFields(all: fields).map { .some($0) }
        default: return nil
        }
    }
}
