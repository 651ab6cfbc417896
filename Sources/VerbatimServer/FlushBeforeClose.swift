import NIOCore

/// Makes a connection's close wait until the writes before it have reached the
/// socket, so that a response is never cut short.
///
/// Hummingbird closes a connection right after writing the end of the response
/// when it must not be kept (a graceful shutdown, or after a request sent
/// `Connection: close`); a close drops the writes still queued in NIO, so the end
/// of a response larger than the socket buffer was lost (seen in
/// `ServeTests.shutdownFinishesRequestsInFlight`: 3.9 MB of an 18 MB answer).
/// This handler sits between the HTTP codec and Hummingbird's connection-state
/// handler, counts the writes in flight, and holds a full close back until they
/// have completed, or failed, or `patience` has passed (a client that stopped
/// reading must not keep the server from stopping).
final class FlushBeforeCloseHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    private let patience: TimeAmount
    private var writesInFlight = 0
    private var heldClose: EventLoopPromise<Void>?
    private var holding = false

    init(patience: TimeAmount = .seconds(30)) {
        self.patience = patience
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        writesInFlight += 1
        let done = promise ?? context.eventLoop.makePromise()
        done.futureResult.assumeIsolated().whenComplete { [self] _ in
            writesInFlight -= 1
            if writesInFlight == 0 { releaseClose(context) }
        }
        context.write(data, promise: done)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all, writesInFlight > 0, !holding else {
            context.close(mode: mode, promise: promise)
            return
        }
        holding = true
        heldClose = promise
        context.flush()
        context.eventLoop.assumeIsolated().scheduleTask(in: patience) { [self] in releaseClose(context) }
    }

    private func releaseClose(_ context: ChannelHandlerContext) {
        guard holding else { return }
        holding = false
        let promise = heldClose
        heldClose = nil
        context.close(mode: .all, promise: promise)
    }
}
