#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The host-name rules behind the `myhostname` and `mydomain` defaults.
public enum HostName {
    /// The name `gethostname(2)` reports, or `localhost` when it fails.
    public static func current() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `name` if it contains a dot, else `name.localdomain` (`localhost.localdomain` for an empty name).
    public static func qualified(_ name: String) -> String {
        let name = trimmedDots(name)
        if name.contains(".") { return name }
        return (name.isEmpty ? "localhost" : name) + ".localdomain"
    }

    /// `name` minus its first label, or `localdomain` when that leaves nothing.
    public static func parentDomain(of name: String) -> String {
        let name = trimmedDots(name)
        guard let dot = name.firstIndex(of: ".") else { return "localdomain" }
        let parent = name[name.index(after: dot)...]
        return parent.isEmpty ? "localdomain" : String(parent)
    }

    private static func trimmedDots(_ name: String) -> String {
        var name = Substring(name)
        while name.hasSuffix(".") { name = name.dropLast() }
        return String(name)
    }
}
