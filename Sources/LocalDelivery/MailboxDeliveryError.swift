#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a message could not be put into a classic Unix mailbox (an mbox(5) file
/// or a Maildir). The server answers `.temporary` with `451 4.2.0` (the message
/// stays queued) and `.permanent` with `550 5.2.0`, as Postfix local(8) does.
///
/// A system-call failure that is not known to be permanent (lock timeout,
/// `ENOSPC`, `EDQUOT`, `EIO`, ...) is temporary, so an unexpected fault defers
/// mail instead of bouncing it. Permanent failures are the mailbox's shape: a
/// symbolic link, not a regular file, several hard links, the wrong owner, or a
/// name that would leave the spool directory.
public enum MailboxDeliveryError: Error, Equatable, Sendable, CustomStringConvertible {
    case temporary(String)
    case permanent(String)

    /// The readable reason, naming the path and the system's error text.
    public var reason: String {
        switch self {
        case .temporary(let text), .permanent(let text): text
        }
    }

    public var description: String { reason }

    /// A failed system call as a temporary error: `cannot ACTION PATH: strerror`.
    static func system(_ action: String, _ path: String, _ code: Int32) -> MailboxDeliveryError {
        .temporary("cannot \(action) \(path): \(String(cString: strerror(code)))")
    }
}
