# moto's own `moto_server` command serves requests on several threads, and its DynamoDB backend takes
# no lock between a condition check and the write: two conditional updates of one item can then both
# succeed. Real DynamoDB makes every single-item conditional write atomic, and the concurrency tests
# hold the code to exactly that, so this starts the same moto application on werkzeug's
# single-threaded server: one request at a time, each one whole, the guarantee DynamoDB gives.
# (werkzeug answers HTTP/1.0 when single-threaded, so an idle keep-alive connection cannot hold the
# one thread.)
#
#   python3 test/support/moto-server.py <host> <port>
import sys

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

host, port = sys.argv[1], int(sys.argv[2])
run_simple(host, port, DomainDispatcherApplication(create_backend_app), threaded=False, processes=1)
