using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoboTrader.TestSupport;

/// <summary>A minimal Chrome DevTools protocol client over one WebSocket (flattened sessions): send a command, wait for its answer.</summary>
internal sealed class DevToolsSession : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationToken _cancel;
    private int _nextId;

    private DevToolsSession(CancellationToken cancel) => _cancel = cancel;

    public static DevToolsSession Connect(Uri browserEndpoint, CancellationToken cancel)
    {
        var session = new DevToolsSession(cancel);
        session._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        session._socket.ConnectAsync(browserEndpoint, cancel).GetAwaiter().GetResult();
        return session;
    }

    /// <summary>Sends <paramref name="method"/> (to the page session <paramref name="sessionId"/>, or the browser) and returns its result; a protocol error throws.</summary>
    public JsonNode Send(string method, JsonObject? parameters = null, string? sessionId = null)
    {
        var id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _cancel).GetAwaiter().GetResult();
        while (true)
        {
            var reply = Receive();
            if (reply["id"]?.GetValue<int>() != id)
            {
                continue; // an event, or an answer to nothing we wait for
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"DevTools {method} failed: {error.ToJsonString()}");
            }

            return reply["result"] ?? new JsonObject();
        }
    }

    public void Dispose()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Wait(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or AggregateException or OperationCanceledException)
        {
            // The browser may already be gone.
        }

        _socket.Dispose();
    }

    private JsonNode Receive()
    {
        using var message = new MemoryStream();
        var buffer = new byte[1 << 16];
        while (true)
        {
            var result = _socket.ReceiveAsync(buffer, _cancel).GetAwaiter().GetResult();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("DevTools closed the connection");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray()) ?? throw new JsonException("an empty DevTools message");
            }
        }
    }
}
