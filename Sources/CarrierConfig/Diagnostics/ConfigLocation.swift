/// Where a configuration line came from: a file path and a 1-based line number.
///
/// Printed as `carrier.cf:12`, the form every Carrier diagnostic starts with.
public struct ConfigLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path of the file, as it was given to the parser.
    public var file: String
    /// The 1-based number of the first physical line of the logical line.
    public var line: Int

    /// Creates a location in `file` at `line`.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
