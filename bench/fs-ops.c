/*
 * The cost of the file system operations an install is made of, on one file system:
 * mkdir, creating an empty file, creating a file and writing 4 KiB, and hard linking one
 * file, COUNT times per thread, each thread in a folder of its own
 * (docs/benchmarks.md, "Installing wheels against pip").
 *
 *   gcc -O2 -pthread bench/fs-ops.c -o bench/target/fs-ops
 *   mkdir /work/fs-ops-1 && bench/target/fs-ops /work/fs-ops-1 MODE COUNT THREADS
 *
 * MODE: 0 mkdir, 1 create, 2 create and write 4 KiB, 3 hard link. Use a new folder for
 * each run: on ext4 without a journal, the minute after deleting many files makes every
 * creation dearer, which is one of the things this measures.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *base;
static int mode, count;
static char block[4096];

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void *work(void *arg) {
    char folder[1024], path[1100], source[1100];
    snprintf(folder, sizeof folder, "%s/t%ld", base, (long) arg);
    snprintf(source, sizeof source, "%s/source", base);
    if (mkdir(folder, 0755) != 0) {
        perror(folder);
        exit(1);
    }
    for (int i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/%d", folder, i);
        int fd;
        switch (mode) {
        case 0:
            mkdir(path, 0755);
            break;
        case 1:
            close(open(path, O_CREAT | O_EXCL | O_WRONLY, 0644));
            break;
        case 2:
            fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
            if (write(fd, block, sizeof block) != (ssize_t) sizeof block) {
                perror(path);
            }
            close(fd);
            break;
        default:
            link(source, path);
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s FOLDER MODE COUNT THREADS\n", argv[0]);
        return 2;
    }
    base = argv[1];
    mode = atoi(argv[2]);
    count = atoi(argv[3]);
    int threads = atoi(argv[4]);
    char source[1100];
    snprintf(source, sizeof source, "%s/source", base);
    close(open(source, O_CREAT | O_WRONLY, 0644));
    pthread_t t[64];
    if (threads < 1 || threads > 64) {
        return 2;
    }
    double start = now();
    for (long i = 0; i < threads; i++) {
        pthread_create(&t[i], NULL, work, (void *) i);
    }
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
    }
    double seconds = now() - start;
    const char *names[] = {"mkdir", "create", "create + write 4 KiB", "hard link"};
    printf("%s, %d threads: %.1f us per operation (wall), %d in %.3f s\n", names[mode < 3 ? mode : 3], threads,
           seconds * 1e6 / ((double) count * threads), count * threads, seconds);
    return 0;
}
