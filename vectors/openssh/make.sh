#!/bin/sh
# Regenerates the files of this folder with the ssh-keygen on PATH (they were made with
# Debian 12's OpenSSH_9.2p1 Debian-2+deb12u6). Every encrypted key has the passphrase
# "password" and 4 bcrypt_pbkdf rounds (-a 4), to keep the tests quick.
set -e
for cipher in 3des-cbc aes128-cbc aes192-cbc aes256-cbc aes128-ctr aes192-ctr aes256-ctr \
    aes128-gcm@openssh.com aes256-gcm@openssh.com chacha20-poly1305@openssh.com; do
    name="ed25519-${cipher%@openssh.com}"
    ssh-keygen -q -t ed25519 -a 4 -N password -Z "$cipher" -C "$name" -f "$name.key"
done
ssh-keygen -q -t ecdsa -b 384 -a 4 -N password -Z chacha20-poly1305@openssh.com \
    -C ecdsa-p384-chacha20-poly1305 -f ecdsa-p384-chacha20-poly1305.key
ssh-keygen -q -t rsa -b 2048 -a 4 -N password -Z aes128-gcm@openssh.com \
    -C rsa-2048-aes128-gcm -f rsa-2048-aes128-gcm.key
