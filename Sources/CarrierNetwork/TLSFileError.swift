/// A certificate or key file that could not be read, parsed or written,
/// with the path and the reason, ready for the startup or reload error message.
public struct TLSFileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
