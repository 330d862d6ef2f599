using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace AtlasChannel.Testing.Kafka;

/// <summary>
/// librdkafka's in-process mock cluster: real Kafka-protocol brokers on 127.0.0.1 that any client can reach over TCP.
/// Create topics with <see cref="CreateTopic"/> (Admin CreateTopics does not work against the mock), and dispose all
/// clients before disposing the cluster. See spec/kafka/testing-with-a-real-broker.md for its limits.
/// </summary>
internal sealed class MockKafkaCluster : IDisposable
{
    private const int ProducerHandle = 0;
    private readonly IntPtr _handle;
    private IntPtr _cluster;

    static MockKafkaCluster() => Native.EnsureResolver();

    public MockKafkaCluster(int brokerCount = 1)
    {
        var conf = Native.rd_kafka_conf_new();
        Set(conf, "log_level", "3");
        Set(conf, "client.id", "mock-cluster-owner");
        var error = new byte[512];
        _handle = Native.rd_kafka_new(ProducerHandle, conf, error, (UIntPtr)error.Length);
        if (_handle == IntPtr.Zero)
            throw new InvalidOperationException("rd_kafka_new failed: " + Text(error));

        _cluster = Native.rd_kafka_mock_cluster_new(_handle, brokerCount);
        if (_cluster == IntPtr.Zero)
        {
            Native.rd_kafka_destroy(_handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
        }

        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringAnsi(Native.rd_kafka_mock_cluster_bootstraps(_cluster))!;
        Native.rd_kafka_mock_group_initial_rebalance_delay_ms(_cluster, 0);
    }

    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    public void CreateTopic(string topic, int partitions = 1, int replicationFactor = 1) =>
        Check(Native.rd_kafka_mock_topic_create(_cluster, topic, partitions, replicationFactor), $"create topic {topic}");

    /// <summary>Disconnects the broker and refuses connections: requests are rejected before any write, so retries neither lose nor duplicate.</summary>
    public void SetBrokerDown(int brokerId) => Check(Native.rd_kafka_mock_broker_set_down(_cluster, brokerId), $"broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Check(Native.rd_kafka_mock_broker_set_up(_cluster, brokerId), $"broker {brokerId} up");

    public void SetBrokerRtt(int brokerId, int rttMs) => Check(Native.rd_kafka_mock_broker_set_rtt(_cluster, brokerId, rttMs), $"broker {brokerId} rtt");

    public void SetPartitionLeader(string topic, int partition, int brokerId) =>
        Check(Native.rd_kafka_mock_partition_set_leader(_cluster, topic, partition, brokerId), $"leader {topic}/{partition}");

    public void SetGroupCoordinator(string groupId, int brokerId) =>
        Check(Native.rd_kafka_mock_coordinator_set(_cluster, "group", groupId, brokerId), $"coordinator {groupId}");

    /// <summary>The next requests of <paramref name="apiKey"/> fail with <paramref name="errorCodes"/>, one each, in order.</summary>
    public void PushRequestErrors(short apiKey, params int[] errorCodes) =>
        Native.rd_kafka_mock_push_request_errors_array(_cluster, apiKey, (UIntPtr)errorCodes.Length, errorCodes);

    public void ClearRequestErrors(short apiKey) => Native.rd_kafka_mock_clear_request_errors(_cluster, apiKey);

    public void Dispose()
    {
        if (_cluster == IntPtr.Zero)
            return;
        Native.rd_kafka_mock_cluster_destroy(_cluster);
        _cluster = IntPtr.Zero;
        Native.rd_kafka_destroy(_handle);
    }

    private static void Set(IntPtr conf, string name, string value)
    {
        var error = new byte[512];
        if (Native.rd_kafka_conf_set(conf, name, value, error, (UIntPtr)error.Length) != 0)
            throw new InvalidOperationException($"rd_kafka_conf_set {name}: {Text(error)}");
    }

    private static string Text(byte[] cString) => Encoding.UTF8.GetString(cString, 0, Math.Max(0, Array.IndexOf(cString, (byte)0)));

    private static void Check(int errorCode, string what)
    {
        if (errorCode != 0)
            throw new InvalidOperationException($"librdkafka mock: {what} failed with error {errorCode}");
    }

    private static class Native
    {
        private const string Library = "librdkafka";
        private static int _resolverInstalled;

        /// <summary>
        /// The default librdkafka.so of the redist package needs libsasl2 (absent on Debian 12); Confluent.Kafka falls
        /// back to the centos8 build, and so must we. Loading the same file shares the instance Confluent.Kafka uses.
        /// </summary>
        public static void EnsureResolver()
        {
            if (Interlocked.Exchange(ref _resolverInstalled, 1) == 0)
                NativeLibrary.SetDllImportResolver(typeof(Native).Assembly, Resolve);
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != Library)
                return IntPtr.Zero;
            foreach (var candidate in Candidates())
            {
                if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle) || NativeLibrary.TryLoad(candidate, out handle))
                    return handle;
            }

            return IntPtr.Zero;
        }

        private static IEnumerable<string> Candidates()
        {
            var native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier.StartsWith("linux-arm", StringComparison.Ordinal) ? "linux-arm64" : "linux-x64", "native");
            yield return Path.Combine(native, "librdkafka.so");
            yield return Path.Combine(native, "centos8-librdkafka.so");
            yield return "librdkafka";
            yield return "centos8-librdkafka";
        }

#pragma warning disable CA2101, SYSLIB1054 // Plain ANSI strings; DllImport keeps this file free of source-generator requirements.
        [DllImport(Library)] public static extern IntPtr rd_kafka_conf_new();
        [DllImport(Library)] public static extern int rd_kafka_conf_set(IntPtr conf, string name, string value, byte[] errstr, UIntPtr errstrSize);
        [DllImport(Library)] public static extern IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);
        [DllImport(Library)] public static extern void rd_kafka_destroy(IntPtr rk);
        [DllImport(Library)] public static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);
        [DllImport(Library)] public static extern void rd_kafka_mock_cluster_destroy(IntPtr cluster);
        [DllImport(Library)] public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);
        [DllImport(Library)] public static extern int rd_kafka_mock_topic_create(IntPtr cluster, string topic, int partitionCount, int replicationFactor);
        [DllImport(Library)] public static extern int rd_kafka_mock_broker_set_down(IntPtr cluster, int brokerId);
        [DllImport(Library)] public static extern int rd_kafka_mock_broker_set_up(IntPtr cluster, int brokerId);
        [DllImport(Library)] public static extern int rd_kafka_mock_broker_set_rtt(IntPtr cluster, int brokerId, int rttMs);
        [DllImport(Library)] public static extern int rd_kafka_mock_partition_set_leader(IntPtr cluster, string topic, int partition, int brokerId);
        [DllImport(Library)] public static extern int rd_kafka_mock_coordinator_set(IntPtr cluster, string keyType, string key, int brokerId);
        [DllImport(Library)] public static extern void rd_kafka_mock_group_initial_rebalance_delay_ms(IntPtr cluster, int delayMs);
        [DllImport(Library)] public static extern void rd_kafka_mock_push_request_errors_array(IntPtr cluster, short apiKey, UIntPtr count, int[] errors);
        [DllImport(Library)] public static extern void rd_kafka_mock_clear_request_errors(IntPtr cluster, short apiKey);
#pragma warning restore CA2101, SYSLIB1054
    }
}
