using AtlasChannel.Hosting;

namespace AtlasChannel;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            await using var application = await ChannelApplication.CreateAsync(args);
            await application.RunAsync();
            return 0;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is Peers.PeerException or InvalidDataException or System.Text.Json.JsonException or Contracts.Rest.JsonApiFormatException)
        {
            await Console.Error.WriteLineAsync("start-up failed: " + ex.Message);
            return 3;
        }
    }
}
