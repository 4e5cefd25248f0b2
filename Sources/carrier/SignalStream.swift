import Dispatch
import Foundation

/// Delivers SIGTERM, SIGINT and SIGHUP as an async stream instead of their
/// default actions, so the server can shut down or reload in order.
enum SignalStream {
    static func make(_ signals: [Int32]) -> (AsyncStream<Int32>, [any DispatchSourceSignal]) {
        let queue = DispatchQueue(label: "carrier.signals")
        var sources: [any DispatchSourceSignal] = []
        let stream = AsyncStream<Int32> { continuation in
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                sources.append(source)
            }
        }
        return (stream, sources)
    }
}
