/// ENVELOPE and BODY / BODYSTRUCTURE in the exact form of RFC 9051 §7.5.2
/// and §9 (envelope, address, body): addresses and body parts stand side
/// by side without spaces, empty lists are NIL.
extension IMAPResponseWriter {
    mutating func envelope(_ envelope: IMAPEnvelope) {
        raw("(")
        nstring(envelope.date)
        space()
        nstring(envelope.subject)
        for addresses in [envelope.from, envelope.sender, envelope.replyTo, envelope.to, envelope.cc, envelope.bcc] {
            space()
            addressList(addresses)
        }
        space()
        nstring(envelope.inReplyTo)
        space()
        nstring(envelope.messageID)
        raw(")")
    }

    private mutating func addressList(_ addresses: [IMAPAddress]) {
        guard !addresses.isEmpty else { return nilValue() }
        raw("(")
        for address in addresses {
            raw("(")
            nstring(address.name)
            space()
            nstring(address.adl)
            space()
            nstring(address.mailbox)
            space()
            nstring(address.host)
            raw(")")
        }
        raw(")")
    }

    /// BODYSTRUCTURE when `extended`, else BODY.
    mutating func bodyStructure(_ body: IMAPBodyStructure, extended: Bool) {
        raw("(")
        switch body {
        case .single(let part): singlePart(part, extended: extended)
        case .multipart(let multipart): self.multipart(multipart, extended: extended)
        }
        raw(")")
    }

    private mutating func singlePart(_ part: IMAPSinglePartBody, extended: Bool) {
        string(part.type)
        space()
        string(part.subtype)
        space()
        parameters(part.parameters)
        space()
        nstring(part.id)
        space()
        nstring(part.description)
        space()
        string(part.encoding)
        raw(" \(part.octets)")
        switch part.kind {
        case .basic:
            break
        case .text(let lines):
            raw(" \(lines)")
        case .message(let envelope, let body, let lines):
            space()
            self.envelope(envelope)
            space()
            bodyStructure(body, extended: extended)
            raw(" \(lines)")
        }
        guard extended else { return }
        space()
        nstring(part.md5)
        extensions(part.extensions)
    }

    private mutating func multipart(_ body: IMAPMultipartBody, extended: Bool) {
        for part in body.parts { bodyStructure(part, extended: extended) }
        space()
        string(body.subtype)
        guard extended else { return }
        space()
        parameters(body.parameters)
        extensions(body.extensions)
    }

    /// ` dsp lang loc`.
    private mutating func extensions(_ extensions: IMAPBodyExtensions) {
        space()
        if let disposition = extensions.disposition {
            raw("(")
            string(disposition.type)
            space()
            parameters(disposition.parameters)
            raw(")")
        } else {
            nilValue()
        }
        space()
        switch extensions.language.count {
        case 0: nilValue()
        case 1: string(extensions.language[0])
        default: list(extensions.language) { $0.string($1) }
        }
        space()
        nstring(extensions.location)
    }

    /// body-fld-param: NIL or `("name" "value" ...)`.
    private mutating func parameters(_ parameters: [IMAPBodyParameter]) {
        guard !parameters.isEmpty else { return nilValue() }
        list(parameters) { writer, parameter in
            writer.string(parameter.name)
            writer.space()
            writer.string(parameter.value)
        }
    }
}
