import CarrierConfig
import Foundation
import LocalDelivery

/// Running as `mail_owner`, as Postfix runs smtpd unprivileged. Started as
/// root, `carrier serve` hands the data directory to that account, binds the
/// listening sockets, starts the privileged delivery helper (root, for mbox and
/// Maildir writes with each recipient's ownership), switches the calling thread
/// to the account and re-executes itself with those sockets inherited. The exec
/// replaces every thread of the root process, so no thread keeps root (an
/// in-place setuid would leave the main thread, parked by libdispatch, as root).
public enum PrivilegeSeparation {
    /// A failure to set up or drop privileges; the server refuses to start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The descriptors the unprivileged server inherits, as `--inherited` text:
    /// `lock=3,helper=5,smtp=6+7,submission=8,submissions=9` (listeners by service name).
    public struct Inherited: Equatable, Sendable, CustomStringConvertible {
        public var lock: Int32
        public var helper: Int32
        public var listeners: [String: [Int32]]

        public init(lock: Int32, helper: Int32, listeners: [String: [Int32]]) {
            self.lock = lock
            self.helper = helper
            self.listeners = listeners
        }

        public init?(_ text: String) {
            var values: [String: String] = [:]
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { return nil }
                values[String(parts[0])] = String(parts[1])
            }
            guard let lock = values.removeValue(forKey: "lock").flatMap({ Int32($0) }),
                  let helper = values.removeValue(forKey: "helper").flatMap({ Int32($0) }) else { return nil }
            var listeners: [String: [Int32]] = [:]
            for (service, fds) in values {
                let parsed = fds.split(separator: "+").map { Int32($0) }
                guard !parsed.contains(nil) else { return nil }
                listeners[service] = parsed.compactMap { $0 }
            }
            self.init(lock: lock, helper: helper, listeners: listeners)
        }

        public var description: String {
            (["lock=\(lock)", "helper=\(helper)"] + listeners.keys.sorted().map { service in
                "\(service)=" + (listeners[service] ?? []).map(String.init).joined(separator: "+")
            }).joined(separator: ",")
        }

        /// Every descriptor, to keep open across exec.
        public var all: [Int32] { [lock, helper] + listeners.values.flatMap { $0 } }
    }

    public static func account(named name: String) throws -> SystemAccount {
        guard let account = SystemAccount.lookup(name) else {
            throw Failure(description: "mail_owner: no such user: \(name)")
        }
        guard account.uid != 0 else {
            throw Failure(description: "mail_owner: \(name) has uid 0; it must be an unprivileged account")
        }
        return account
    }

    /// Makes `account` the owner of everything in the data directory.
    public static func handOver(dataDirectory: String, to account: SystemAccount) throws {
        var paths = [dataDirectory]
        if let walker = FileManager.default.enumerator(atPath: dataDirectory) {
            for case let relative as String in walker { paths.append("\(dataDirectory)/\(relative)") }
        }
        for path in paths where lchown(path, account.uid, account.gid) != 0 {
            throw Failure(description: "cannot give \(path) to \(account.name): \(String(cString: strerror(errno)))")
        }
    }

    /// Starts `executable local-delivery-helper` as root on one end of a socket
    /// pair; returns the other end (inheritable) and the helper's pid.
    public static func startHelper(executable: String, settings: CarrierSettings) throws -> (descriptor: Int32, pid: pid_t) {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else {
            throw Failure(description: "socketpair: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let spool = settings.mailSpoolDirectory.isEmpty ? "/var/mail" : settings.mailSpoolDirectory
        let words: [String] = [executable, "local-delivery-helper", "--spool", spool, "--maildir", settings.homeMailbox]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(fds[1])
        guard result == 0 else {
            close(fds[0])
            throw Failure(description: "cannot start the delivery helper: \(String(cString: strerror(result)))")
        }
        return (fds[0], pid)
    }

    /// Binds `addresses` with plain sockets (root may bind ports below 1024),
    /// inheritable across exec. Throws naming the address that failed.
    public static func bindListeners(_ addresses: [ListenAddress], key: String) throws -> [Int32] {
        try addresses.map { address in
            let v6 = address.host.contains(":")
            let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            let result: Int32
            if v6 {
                var sa = sockaddr_in6()
                sa.sin6_family = sa_family_t(AF_INET6)
                sa.sin6_port = in_port_t(UInt16(address.port).bigEndian)
                guard inet_pton(AF_INET6, address.host, &sa.sin6_addr) == 1 else {
                    close(fd)
                    throw Failure(description: "\(key): \(address): not an IPv6 address")
                }
                result = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Foundation.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
            } else {
                var sa = sockaddr_in()
                sa.sin_family = sa_family_t(AF_INET)
                sa.sin_port = in_port_t(UInt16(address.port).bigEndian)
                let host = address.host == "localhost" ? "127.0.0.1" : address.host
                guard inet_pton(AF_INET, host, &sa.sin_addr) == 1 else {
                    close(fd)
                    throw Failure(description: "\(key): \(address): with mail_owner, listen addresses must be IP addresses")
                }
                result = withUnsafePointer(to: &sa) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Foundation.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            }
            guard result == 0, listen(fd, 1024) == 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw Failure(description: "\(key): cannot listen on \(address): \(reason)")
            }
            return fd
        }
    }

    /// Switches to `account` (glibc changes every live thread; the parked main
    /// thread it skips is ended by the exec) and executes `executable arguments`
    /// in its place. Returns only by throwing.
    public static func execUnprivileged(as account: SystemAccount, executable: String, arguments: [String],
                                        keeping descriptors: [Int32]) throws -> Never {
        for fd in descriptors { _ = fcntl(fd, F_SETFD, 0) }
        guard setgroups(0, nil) == 0, setgid(account.gid) == 0,
              setuid(account.uid) == 0 else {
            throw Failure(description: "cannot switch to \(account.name): \(String(cString: strerror(errno)))")
        }
        let words = [executable] + arguments
        let argv = words.map { strdup($0) } + [nil]
        execve(executable, argv, environ)
        throw Failure(description: "cannot execute \(executable): \(String(cString: strerror(errno)))")
    }
}
