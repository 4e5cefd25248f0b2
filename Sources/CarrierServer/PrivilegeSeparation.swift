import Foundation
import LocalDelivery

/// Running as `mail_owner`, as Postfix runs smtpd unprivileged: started as
/// root, the server hands the data directory to that account, starts the
/// privileged delivery helper (root, for mbox and Maildir writes with each
/// recipient's ownership), binds its listeners, and then gives up root for good.
public enum PrivilegeSeparation {
    /// A failure to set up or drop privileges; the server refuses to start.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The running helper.
    public struct Helper: Sendable {
        public let client: PrivilegedDeliveryClient
        public let pid: pid_t
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

    /// Makes `account` the owner of everything in the data directory (the maildrop keeps its mode).
    public static func handOver(dataDirectory: String, to account: SystemAccount) throws {
        var paths = [dataDirectory]
        if let walker = FileManager.default.enumerator(atPath: dataDirectory) {
            for case let relative as String in walker { paths.append("\(dataDirectory)/\(relative)") }
        }
        for path in paths where lchown(path, account.uid, account.gid) != 0 {
            throw Failure(description: "cannot give \(path) to \(account.name): \(String(cString: strerror(errno)))")
        }
    }

    /// Starts `executable local-delivery-helper` as root on one end of a socket pair.
    public static func startHelper(executable: String) throws -> Helper {
        var fds: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else {
            throw Failure(description: "socketpair: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        let words: [String] = [executable, "local-delivery-helper"]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(fds[1])
        guard result == 0 else {
            close(fds[0])
            throw Failure(description: "cannot start the delivery helper: \(String(cString: strerror(result)))")
        }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        return Helper(client: PrivilegedDeliveryClient(descriptor: fds[0]), pid: pid)
    }

    /// Gives up root for the whole process (all threads) and checks it cannot be regained.
    public static func drop(to account: SystemAccount) throws {
        guard setgroups(0, nil) == 0, setgid(account.gid) == 0, setuid(account.uid) == 0 else {
            throw Failure(description: "cannot switch to \(account.name): \(String(cString: strerror(errno)))")
        }
        guard getuid() == account.uid, geteuid() == account.uid, setuid(0) != 0 else {
            throw Failure(description: "privileges were not dropped completely")
        }
    }
}
