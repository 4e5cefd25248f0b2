/// A configuration problem that Carrier reports but works around, such as an unused parameter.
///
/// The description follows `postconf`: `carrier.cf:7: warning: unused parameter: smtpd_bogus=1`.
public struct ConfigWarning: Sendable, Equatable, CustomStringConvertible {
    /// The line the warning is about.
    public var location: ConfigLocation
    /// What is suspicious, without the location or the `warning:` word.
    public var message: String

    /// Creates a warning about `location`.
    public init(location: ConfigLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): warning: \(message)" }
}
