#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Unix account from the password database (passwd(5)), the target of
/// `local_recipient_maps = unix:passwd.byname` delivery. Names are
/// case-sensitive, as Unix has them.
public struct SystemAccount: Equatable, Sendable {
    public var name: String
    public var uid: uid_t
    public var gid: gid_t
    public var home: String

    public init(name: String, uid: uid_t, gid: gid_t, home: String) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.home = home
    }

    /// The account named exactly `name`, via the thread-safe `getpwnam_r`.
    public static func lookup(_ name: String) -> SystemAccount? {
        withGrowingBuffer { buffer, size in
            var entry = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let status = getpwnam_r(name, &entry, buffer, size, &result)
            let account = result.map {
                SystemAccount(name: String(cString: $0.pointee.pw_name), uid: $0.pointee.pw_uid,
                              gid: $0.pointee.pw_gid, home: String(cString: $0.pointee.pw_dir))
            }
            return (status, account)
        }
    }

    /// The group id of the `mail` group that owns spool mailboxes, if the system has one.
    public static func mailGroupID() -> gid_t? {
        withGrowingBuffer { buffer, size in
            var entry = group()
            var result: UnsafeMutablePointer<group>?
            let status = getgrnam_r("mail", &entry, buffer, size, &result)
            return (status, result?.pointee.gr_gid)
        }
    }

    /// Calls a `get*_r` function with a scratch buffer, doubling it while the
    /// call answers `ERANGE` (up to 1 MiB).
    private static func withGrowingBuffer<R>(_ call: (UnsafeMutablePointer<CChar>, Int) -> (Int32, R?)) -> R? {
        var size = 1024
        while true {
            let (status, value) = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) {
                call($0.baseAddress!, size)
            }
            guard status == ERANGE && size < 1 << 20 else { return status == 0 ? value : nil }
            size *= 2
        }
    }
}
