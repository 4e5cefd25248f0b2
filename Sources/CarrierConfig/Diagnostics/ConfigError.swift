/// A configuration problem that stops Carrier from using a file or a value.
///
/// The description reads like Postfix's own diagnostics with a location in front:
/// `carrier.cf:12: message_size_limit: invalid value "10MB": expected a number of bytes`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line the problem is on, when it is on a line of a file.
    public var location: ConfigLocation?
    /// What is wrong, without the location.
    public var message: String

    /// Creates an error with an optional location.
    public init(location: ConfigLocation? = nil, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}
