namespace LdnSite.Sources;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// Which addresses an outbound link may be fetched from. A page could link to an address inside
/// the network the check runs in (a cloud metadata service, a router), and CI would request it;
/// so private, loopback and link-local addresses are refused where the connection is made, after
/// DNS (a name that resolves to 127.0.0.1 is refused too). Tests, whose fake servers listen on
/// 127.0.0.1, relax it; the command line relaxes it only when every registry is on loopback.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Whether <paramref name="address"/> is on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }

    /// <summary>Whether <paramref name="uri"/> names a loopback host (used to tell a test run from a real one).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// A connect callback for <see cref="SocketsHttpHandler"/> that resolves the host and connects
    /// only to an allowed address, so the check made is the connection used.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivate) =>
        async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
            if (allowed.Count == 0)
            {
                throw new RefusedAddressException(context.DnsEndPoint.Host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

/// <summary>A host that resolves only to private or loopback addresses.</summary>
public sealed class RefusedAddressException(string host) : Exception($"{host} resolves only to private or loopback addresses, which are not checked");
