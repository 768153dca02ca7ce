using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Propilas.Host.Tests.Notifications;

/// <summary>A real SMTP server on loopback, in process, keeping what arrives. It can be down (not listening) and come back on the same port.</summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private Task? _serving;

    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        _running = new CancellationTokenSource();
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        await _running.CancelAsync();
        try { await _serving!; }
        catch (OperationCanceledException) { }
        _running = null;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];

    public ValueTask DisposeAsync() => new(StopAsync());

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
