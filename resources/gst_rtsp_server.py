"""A live H.264 RTSP server on gst-rtsp-server, for tests, demos and benchmarks.

Run with the system Python that has GStreamer's introspection data (Debian `python3-gi`,
`gir1.2-gst-rtsp-server-1.0`, `gstreamer1.0-plugins-ugly` for x264):

    /usr/bin/python3 gst_rtsp_server.py --port 8554 --mount cam1=1280x720@25 --mount sub=640x360@25

It imports nothing from the project (it runs outside the project's virtual environment) and
prints "READY <port>" once it accepts connections. Each mount is a shared live test picture
(a moving ball) encoded by x264 with a one-second GOP.
"""

import argparse
import re
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

MOUNT_RE = re.compile(r"([a-z0-9-]+)=(\d+)x(\d+)@(\d+)")


def pipeline(width: int, height: int, fps: int) -> str:
    return (
        f"( videotestsrc is-live=true pattern=ball ! "
        f"video/x-raw,width={width},height={height},framerate={fps}/1 ! "
        f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bframes=0 "
        f"bitrate={max(256, width * height * fps // 20000)} ! "
        f"video/x-h264,profile=baseline ! rtph264pay name=pay0 pt=96 config-interval=1 )"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mount", action="append", default=[], help="NAME=WxH@FPS")
    args = parser.parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    for spec in args.mount:
        match = MOUNT_RE.fullmatch(spec)
        if not match:
            print(f"bad --mount {spec!r}: NAME=WxH@FPS", file=sys.stderr)
            return 2
        name, width, height, fps = match.group(1), *map(int, match.groups()[1:])
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(pipeline(width, height, fps))
        factory.set_shared(True)
        mounts.add_factory(f"/{name}", factory)
    if server.attach(None) == 0:
        print(f"cannot listen on 127.0.0.1:{args.port}", file=sys.stderr)
        return 1
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print(f"READY {args.port}", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
