# The peer a user would otherwise pick: Python jieba segmenting the same text, one thread.
# Usage: /usr/bin/python3 bench/python-jieba.py <concat-file> → one JSON line
# {initMs, cutMs, docs, chars, tokens}; initialisation (dictionary load) is timed separately.
import json, logging, os, sys, time
import jieba

jieba.setLogLevel(logging.WARNING)
docs = open(sys.argv[1], encoding='utf-8').read().split('\f\n')
user_dict = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'jieba-user.dict')

t = time.perf_counter()
jieba.initialize()
if os.path.exists(user_dict):
    jieba.load_userdict(user_dict)
init_ms = (time.perf_counter() - t) * 1000

t = time.perf_counter()
tokens = 0
chars = 0
for doc in docs:
    tokens += len(jieba.lcut(doc))
    chars += len(doc)
cut_ms = (time.perf_counter() - t) * 1000
print(json.dumps({'initMs': init_ms, 'cutMs': cut_ms, 'docs': len(docs), 'chars': chars, 'tokens': tokens, 'userDict': os.path.exists(user_dict)}))
