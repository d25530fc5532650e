/// A typed message bus: publish/subscribe on ``Topic`` values and request/response on
/// ``Endpoint`` values. Topics and endpoints are identified by small integers chosen at
/// creation, never by strings, so dispatch does no parsing; handlers are called
/// synchronously, in subscription order (deterministic).
///
/// The bus belongs to one kernel (one isolation domain): it is not `Sendable`.
///
/// ```swift
/// let bus = MessageBus()
/// let fills = bus.topic(of: OrderEvent.self)
/// bus.subscribe(fills) { event in print(event.kind) }
/// bus.publish(event, on: fills)
/// ```
public final class MessageBus {
    private var handlers: [[(Any) -> Void]] = []
    private var endpoints: [((Any) -> Any)?] = []

    public init() {}

    /// A new topic carrying `Message` values.
    public func topic<Message>(of type: Message.Type) -> Topic<Message> {
        handlers.append([])
        return Topic(index: handlers.count - 1)
    }

    /// A new request/response endpoint.
    public func endpoint<Request, Response>(_ request: Request.Type, _ response: Response.Type) -> Endpoint<Request, Response> {
        endpoints.append(nil)
        return Endpoint(index: endpoints.count - 1)
    }

    /// Calls `handler` for every message later published on `topic`.
    public func subscribe<Message>(_ topic: Topic<Message>, _ handler: @escaping (Message) -> Void) {
        handlers[topic.index].append { message in
            // The topic's type parameter guarantees the cast.
            if let message = message as? Message { handler(message) }
        }
    }

    /// Whether anyone listens on `topic` (lets publishers skip building a message).
    public func hasSubscribers<Message>(_ topic: Topic<Message>) -> Bool { !handlers[topic.index].isEmpty }

    /// Delivers `message` to the topic's subscribers, in subscription order.
    public func publish<Message>(_ message: Message, on topic: Topic<Message>) {
        for handler in handlers[topic.index] { handler(message) }
    }

    /// Registers the one responder of `endpoint` (replacing any previous one).
    public func register<Request, Response>(
        _ endpoint: Endpoint<Request, Response>, _ responder: @escaping (Request) -> Response
    ) {
        endpoints[endpoint.index] = { request in
            guard let request = request as? Request else { return () }
            return responder(request)
        }
    }

    /// Sends `request` to the endpoint's responder; `nil` when none is registered.
    public func request<Request, Response>(_ request: Request, to endpoint: Endpoint<Request, Response>) -> Response? {
        endpoints[endpoint.index].flatMap { $0(request) as? Response }
    }
}

/// A publish/subscribe channel of `Message` values on a ``MessageBus``.
public struct Topic<Message>: Hashable, Sendable {
    let index: Int
}

/// A request/response channel on a ``MessageBus``.
public struct Endpoint<Request, Response>: Hashable, Sendable {
    let index: Int
}
