package sitegen

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"sync"
	"time"
)

// Serve generates n sites of the given number of pages and serves each on
// loopback until ctx is done or stop is called. Site i (counting from 0)
// is Generate(int64(i), pages), so a caller can regenerate any site to
// learn what it contains.
//
// Each site gets its own address, 127.0.1.1, 127.0.1.2, … (Linux answers
// the whole of 127.0.0.0/8), with a port the system picks, so that sites
// are different hosts as they are on the web. Where those addresses cannot
// be bound, the remaining sites share 127.0.0.1 on distinct ports.
//
// urls[i] is site i's base URL, "http://127.0.1.1:41234/". stop closes
// every server and waits for them; it may be called more than once.
func Serve(ctx context.Context, n, pages int) (urls []string, stop func(), err error) {
	sites := make([]*Site, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				sites[i] = Generate(int64(i), pages)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()

	var (
		servers []*http.Server
		done    sync.WaitGroup
		once    sync.Once
	)
	stop = func() {
		once.Do(func() {
			for _, s := range servers {
				_ = s.Close()
			}
			done.Wait()
		})
	}
	shared := false
	for i, site := range sites {
		var ln net.Listener
		if !shared {
			ln, err = net.Listen("tcp", loopbackAddr(i)+":0")
			if err != nil {
				shared = true
			}
		}
		if shared {
			if ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
				stop()
				return nil, nil, fmt.Errorf("serve site %d on loopback: %w", i, err)
			}
		}
		srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}
		servers = append(servers, srv)
		urls = append(urls, "http://"+ln.Addr().String()+"/")
		done.Add(1)
		go func() {
			defer done.Done()
			_ = srv.Serve(ln) // returns when stop closes the server
		}()
	}
	context.AfterFunc(ctx, stop)
	return urls, stop, nil
}

// loopbackAddr is the i-th site's own loopback address: 127.0.1.1 onwards,
// skipping .0 and .255 in the last byte.
func loopbackAddr(i int) string {
	return fmt.Sprintf("127.%d.%d.%d", (1+i/254)>>8&255, (1+i/254)&255, 1+i%254)
}
