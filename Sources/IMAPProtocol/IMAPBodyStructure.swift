/// The MIME structure of a message as BODY and BODYSTRUCTURE return it
/// (RFC 9051 §7.5.2). The same value serves both: the encoder leaves the
/// extension data out for BODY.
public indirect enum IMAPBodyStructure: Sendable, Equatable {
    case single(IMAPSinglePartBody)
    case multipart(IMAPMultipartBody)
}

/// A non-multipart body: basic, text (with its line count) or an
/// encapsulated message (with its envelope, structure and line count).
public struct IMAPSinglePartBody: Sendable, Equatable {
    /// Which of the three forms of body-type-1part it takes.
    public enum Kind: Sendable, Equatable {
        case basic
        case text(lines: Int)
        case message(envelope: IMAPEnvelope, body: IMAPBodyStructure, lines: Int)
    }

    /// Media type and subtype, lowercased.
    public var type: String
    public var subtype: String
    public var parameters: [IMAPBodyParameter]
    public var id: String?
    public var description: String?
    /// The Content-Transfer-Encoding, `7bit` by default.
    public var encoding: String
    /// Octets of the body as stored (still transfer-encoded).
    public var octets: Int
    public var kind: Kind
    public var extensions: IMAPBodyExtensions
    /// Content-MD5 (extension data, first field).
    public var md5: String?

    public init(type: String, subtype: String, parameters: [IMAPBodyParameter] = [], id: String? = nil,
                description: String? = nil, encoding: String = "7bit", octets: Int, kind: Kind,
                extensions: IMAPBodyExtensions = IMAPBodyExtensions(), md5: String? = nil) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.id = id
        self.description = description
        self.encoding = encoding
        self.octets = octets
        self.kind = kind
        self.extensions = extensions
        self.md5 = md5
    }
}

/// A multipart body: its parts and subtype, and the parameters as first
/// field of its extension data.
public struct IMAPMultipartBody: Sendable, Equatable {
    public var parts: [IMAPBodyStructure]
    public var subtype: String
    public var parameters: [IMAPBodyParameter]
    public var extensions: IMAPBodyExtensions

    public init(parts: [IMAPBodyStructure], subtype: String, parameters: [IMAPBodyParameter] = [],
                extensions: IMAPBodyExtensions = IMAPBodyExtensions()) {
        self.parts = parts
        self.subtype = subtype
        self.parameters = parameters
        self.extensions = extensions
    }
}

/// A `name value` pair of body-fld-param or a disposition's parameters.
public struct IMAPBodyParameter: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The extension data shared by both kinds of body: disposition, language,
/// location (RFC 9051 §7.5.2, body-ext-1part and body-ext-mpart).
public struct IMAPBodyExtensions: Sendable, Equatable {
    public var disposition: IMAPBodyDisposition?
    /// Content-Language tags; empty is sent as NIL.
    public var language: [String]
    /// Content-Location.
    public var location: String?

    public init(disposition: IMAPBodyDisposition? = nil, language: [String] = [], location: String? = nil) {
        self.disposition = disposition
        self.language = language
        self.location = location
    }
}

/// Content-Disposition type and parameters (RFC 2183), body-fld-dsp.
public struct IMAPBodyDisposition: Sendable, Equatable {
    public var type: String
    public var parameters: [IMAPBodyParameter]

    public init(type: String, parameters: [IMAPBodyParameter] = []) {
        self.type = type
        self.parameters = parameters
    }
}
