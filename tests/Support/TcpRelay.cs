using System.Net;
using System.Net.Sockets;

namespace Integrity.Tests;

/// <summary>
/// Forwards a local port to a database server, and can be cut and restored: to the API behind it the
/// database is then gone (connections reset, new ones refused) and back, without touching the server.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly DnsEndPoint target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public TcpRelay(string targetHost, int targetPort)
    {
        target = new DnsEndPoint(targetHost, targetPort);
        Start(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)listener!.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Stops listening and resets every connection through the relay.</summary>
    public void Cut()
    {
        running?.Cancel();
        listener?.Stop();
        listener = null;
        lock (open)
        {
            foreach (var client in open) client.Close();
            open.Clear();
        }
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore() => Start(new IPEndPoint(IPAddress.Loopback, Port));

    private void Start(IPEndPoint endpoint)
    {
        listener = new TcpListener(endpoint);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        running = new CancellationTokenSource();
        _ = AcceptAsync(listener, running.Token);
    }

    private async Task AcceptAsync(TcpListener accepting, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient incoming;
            try { incoming = await accepting.AcceptTcpClientAsync(cancellationToken); }
            catch (Exception) when (cancellationToken.IsCancellationRequested) { return; }
            var outgoing = new TcpClient();
            await outgoing.ConnectAsync(target.Host, target.Port, cancellationToken);
            lock (open) open.AddRange([incoming, outgoing]);
            _ = PumpAsync(incoming, outgoing);
            _ = PumpAsync(outgoing, incoming);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception) { /* cut: the other direction sees it too */ }
        from.Close();
        to.Close();
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
