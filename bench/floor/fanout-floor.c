// The kernel floor of `atlas-tool load`'s movement workload on this machine: what an ideal implementation would
// cost. Bots in fields of 50 each send a 45-byte "move" RATE times a second over loopback TCP; the server relays every
// move to the 49 others of its field, each socket paced to at most one send per PACE ms; the bots record send -> read
// latency. No encryption, no parsing, no managed runtime, and a field never spans server threads (no hand-off between
// threads): the channel server and the load tool do all of that on top. Two server threads, two bot threads, as on a
// 2-core box. Build: gcc -O2 -pthread -o fanout-floor fanout-floor.c. Run: ./fanout-floor BOTS PACE_MS SECONDS.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RECORD 45           // about one CharacterMovement relay on the wire
#define FIELD 50            // bots per field
#define BUCKETS 100000      // 10 us latency buckets up to 1 s
#define MOVES_PER_SECOND 5.0

typedef struct {
    char bytes[16384];
    int length;
    double lastSend;
} Outbox;

static int bots = 2000, paceMs = 20, seconds = 10;
static int *serverFds, *botFds;
static Outbox *outboxes;
static volatile int stopping, measuring;
static long histogram[2][BUCKETS];

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void prepare(int fd)
{
    int one = 1;
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static int watch(int from, int to, const int *fds)
{
    int epoll = epoll_create1(0);
    for (int i = from; i < to; i++) {
        struct epoll_event event = {.events = EPOLLIN, .data.u32 = (unsigned)i};
        epoll_ctl(epoll, EPOLL_CTL_ADD, fds[i], &event);
    }
    return epoll;
}

// Reads moves, appends each to the other field members' outboxes, sends every outbox whose pace interval is up.
static void *serve(void *arg)
{
    long half = (long)arg;
    int from = half * bots / 2, to = (half + 1) * bots / 2;
    pthread_setname_np(pthread_self(), "floor-server");
    int epoll = watch(from, to, serverFds);
    struct epoll_event ready[256];
    char buffer[4096];
    while (!stopping) {
        int count = epoll_wait(epoll, ready, 256, 1);
        for (int k = 0; k < count; k++) {
            int bot = (int)ready[k].data.u32, read;
            while ((read = recv(serverFds[bot], buffer, sizeof buffer, 0)) > 0) {
                for (int offset = 0; offset + RECORD <= read; offset += RECORD) {
                    int first = bot / FIELD * FIELD;
                    for (int other = first; other < first + FIELD && other < bots; other++) {
                        Outbox *box = &outboxes[other];
                        if (other == bot || box->length + RECORD > (int)sizeof box->bytes)
                            continue;
                        memcpy(box->bytes + box->length, buffer + offset, RECORD);
                        box->length += RECORD;
                    }
                }
            }
        }
        double t = now();
        for (int bot = from; bot < to; bot++) {
            Outbox *box = &outboxes[bot];
            if (box->length == 0 || t < box->lastSend + paceMs / 1000.0)
                continue;
            int sent = send(serverFds[bot], box->bytes, box->length, MSG_NOSIGNAL);
            if (sent > 0) {
                memmove(box->bytes, box->bytes + sent, box->length - sent);
                box->length -= sent;
            }
            box->lastSend = t;
        }
    }
    return NULL;
}

// Reads relays and records their latency; sends each bot's moves at its own phase of the period.
static void *play(void *arg)
{
    long half = (long)arg;
    int from = half * bots / 2, to = (half + 1) * bots / 2;
    pthread_setname_np(pthread_self(), "floor-bots");
    int epoll = watch(from, to, botFds);
    struct epoll_event ready[256];
    static __thread char buffer[65536];
    double period = 1.0 / MOVES_PER_SECOND, start = now(), nextTick = start;
    double *due = calloc(bots, sizeof *due);
    int *filled = calloc(bots, sizeof *filled);
    char (*partial)[RECORD] = calloc(bots, RECORD);
    for (int bot = from; bot < to; bot++)
        due[bot] = start + period * rand() / RAND_MAX;
    while (!stopping) {
        int count = epoll_wait(epoll, ready, 256, 1);
        for (int k = 0; k < count; k++) {
            int bot = (int)ready[k].data.u32;
            int read = recv(botFds[bot], buffer, sizeof buffer, 0);
            double at = now();
            for (int i = 0; i < read; i++) {
                partial[bot][filled[bot]++] = buffer[i];
                if (filled[bot] < RECORD)
                    continue;
                filled[bot] = 0;
                double sentAt;
                memcpy(&sentAt, partial[bot], sizeof sentAt);
                long micros = (long)((at - sentAt) * 1e6);
                if (measuring)
                    histogram[half][micros / 10 < BUCKETS ? micros / 10 : BUCKETS - 1]++;
            }
        }
        double t = now();
        if (t < nextTick)
            continue;
        nextTick = t + 0.001;
        for (int bot = from; bot < to; bot++) {
            if (due[bot] > t)
                continue;
            char move[RECORD] = {0};
            double sentAt = now();
            memcpy(move, &sentAt, sizeof sentAt);
            send(botFds[bot], move, RECORD, MSG_NOSIGNAL);
            due[bot] += period;
        }
    }
    return NULL;
}

static double cpuSeconds(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

static double percentile(long total, double fraction)
{
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
        seen += histogram[0][i] + histogram[1][i];
        if (seen >= total * fraction)
            return (i + 1) / 100.0;
    }
    return BUCKETS / 100.0;
}

int main(int argc, char **argv)
{
    if (argc > 1) bots = atoi(argv[1]);
    if (argc > 2) paceMs = atoi(argv[2]);
    if (argc > 3) seconds = atoi(argv[3]);
    struct rlimit files = {65536, 65536};
    setrlimit(RLIMIT_NOFILE, &files);
    serverFds = malloc(sizeof(int) * bots);
    botFds = malloc(sizeof(int) * bots);
    outboxes = calloc(bots, sizeof *outboxes);

    int listener = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof address;
    if (bind(listener, (void *)&address, sizeof address) || listen(listener, 4096) || getsockname(listener, (void *)&address, &length)) {
        perror("listen");
        return 1;
    }
    for (int i = 0; i < bots; i++) {
        botFds[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(botFds[i], (void *)&address, sizeof address) || (serverFds[i] = accept(listener, NULL, NULL)) < 0) {
            perror("connect");
            return 1;
        }
        prepare(botFds[i]);
        prepare(serverFds[i]);
    }

    pthread_t threads[4];
    for (long half = 0; half < 2; half++) {
        pthread_create(&threads[half], NULL, serve, (void *)half);
        pthread_create(&threads[2 + half], NULL, play, (void *)half);
    }
    sleep(3); // warm-up
    measuring = 1;
    double cpuBefore = cpuSeconds(), wallBefore = now();
    sleep(seconds);
    double cpu = cpuSeconds() - cpuBefore, wall = now() - wallBefore;
    measuring = 0;
    stopping = 1;
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);

    long total = 0;
    for (int i = 0; i < BUCKETS; i++)
        total += histogram[0][i] + histogram[1][i];
    printf("{\"bots\":%d,\"paceMs\":%d,\"relaysPerSecond\":%.0f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"cpuCores\":%.2f}\n",
           bots, paceMs, total / wall, percentile(total, 0.50), percentile(total, 0.99), cpu / wall);
    return 0;
}
