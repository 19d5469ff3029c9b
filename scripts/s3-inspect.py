"""Looks into a bucket on an S3-compatible server for scripts/host-test-deploy-s3.sh.

Usage: s3-inspect.py ENDPOINT create BUCKET | keys BUCKET | etags BUCKET |
       headers BUCKET KEY | matches BUCKET FOLDER
`matches` exits 1 unless the bucket holds exactly what deploy's policy takes from the
published FOLDER: each file under its key, a text file as the bytes of its .gz sibling,
and no .br/.gz sibling or host file.
"""
import hashlib
import os
import sys

import boto3

HOST_FILES = {"nginx.conf", "Caddyfile", "_headers", "_redirects", ".nojekyll", "CNAME", ".portfolio-publish"}


def client(endpoint):
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")


def listing(s3, bucket):
    found = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            found[item["Key"]] = item["ETag"].strip('"')
    return found


def expected(folder):
    paths = set()
    for root, _, names in os.walk(folder):
        for name in names:
            paths.add(os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/"))
    wanted = {}
    for path in paths:
        if path in HOST_FILES or any(path.endswith(e) and path[: -len(e)] in paths for e in (".br", ".gz")):
            continue
        source = path + ".gz" if path + ".gz" in paths else path
        with open(os.path.join(folder, source), "rb") as f:
            wanted[path] = hashlib.md5(f.read()).hexdigest()
    return wanted


def main():
    endpoint, command, bucket = sys.argv[1:4]
    s3 = client(endpoint)
    if command == "create":
        s3.create_bucket(Bucket=bucket)
    elif command == "keys":
        print("\n".join(sorted(listing(s3, bucket))))
    elif command == "etags":
        for key, etag in sorted(listing(s3, bucket).items()):
            print(f"{key} {etag}")
    elif command == "headers":
        head = s3.head_object(Bucket=bucket, Key=sys.argv[4])
        names = {"ContentType": "content-type", "ContentEncoding": "content-encoding", "CacheControl": "cache-control"}
        for field, name in names.items():
            if field in head:
                print(f"{name}: {head[field]}")
    elif command == "matches":
        have, want = listing(s3, bucket), expected(sys.argv[4])
        if have != want:
            missing = sorted(set(want) - set(have))[:5]
            extra = sorted(set(have) - set(want))[:5]
            differ = sorted(k for k in set(want) & set(have) if want[k] != have[k])[:5]
            print(f"bucket {bucket}: missing {missing}, extra {extra}, different {differ}", file=sys.stderr)
            sys.exit(1)
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
