import Foundation

/// A message body ready to be inserted in the same transaction as the
/// messages naming it: its content hash and size, its octets (small
/// bodies) or the path of its already durable file (large ones), and its
/// encoded MIME skeleton.
struct PreparedBody: Sendable {
    let hash: String
    let size: Int
    let data: Data?
    let path: String?
    let skeleton: Data
}
